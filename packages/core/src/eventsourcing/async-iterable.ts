/** Collects an async iterable into an array (Node 20 has no `Array.fromAsync`). */
export async function toArray<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
