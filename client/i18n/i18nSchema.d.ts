import type { MessageSchema } from './MessageSchema';

// Types every useI18n() in the app by the wall's message tree, so a mistyped key is a compile
// error rather than a key printed on the wall.
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
