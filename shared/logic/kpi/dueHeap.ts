/**
 * A binary min-heap of (dueAt, incident id), so a tick finds the incidents that have just become
 * overdue in O(k log n) instead of scanning every open incident each second. Entries are never
 * removed early: callers check on pop whether an entry still applies (lazy deletion), which keeps
 * a transition of an open incident O(1).
 */
export interface DueHeap {
  readonly dueMs: number[];
  readonly ids: string[];
}

export const createDueHeap = (): DueHeap => ({ dueMs: [], ids: [] });

export const dueHeapSize = (heap: DueHeap): number => heap.dueMs.length;

/** The earliest deadline in the heap, or +Infinity when it is empty. */
export const peekDueMs = (heap: DueHeap): number => heap.dueMs[0] ?? Number.POSITIVE_INFINITY;

const swap = (heap: DueHeap, a: number, b: number): void => {
  const { dueMs, ids } = heap;
  const t = dueMs[a] as number;
  dueMs[a] = dueMs[b] as number;
  dueMs[b] = t;
  const id = ids[a] as string;
  ids[a] = ids[b] as string;
  ids[b] = id;
};

export const pushDue = (heap: DueHeap, dueMs: number, id: string): void => {
  heap.dueMs.push(dueMs);
  heap.ids.push(id);
  let i = heap.dueMs.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap.dueMs[parent] as number) <= dueMs) break;
    swap(heap, i, parent);
    i = parent;
  }
};

const siftDown = (heap: DueHeap, start: number): void => {
  const { dueMs } = heap;
  const n = dueMs.length;
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let least = i;
    if (left < n && (dueMs[left] as number) < (dueMs[least] as number)) least = left;
    if (right < n && (dueMs[right] as number) < (dueMs[least] as number)) least = right;
    if (least === i) return;
    swap(heap, i, least);
    i = least;
  }
};

/** Removes the earliest entry and returns its id; read its deadline with peekDueMs first. */
export const popDue = (heap: DueHeap): string | undefined => {
  if (heap.dueMs.length === 0) return undefined;
  const id = heap.ids[0];
  const lastDue = heap.dueMs.pop() as number;
  const lastId = heap.ids.pop() as string;
  if (heap.dueMs.length > 0) {
    heap.dueMs[0] = lastDue;
    heap.ids[0] = lastId;
    siftDown(heap, 0);
  }
  return id;
};
