/**
 * Hands a file the screen made (the wall's PNG, a tablet's export) to the browser to save under
 * `name`. The object URL lives a minute: long enough for a slow save dialog to read it.
 */
export const saveBlob = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
