/** The payload every contender writes: about 120 bytes of JSON, like a small domain event. */
export interface BenchEvent {
  readonly type: 'ItemRecorded';
  readonly data: { sku: string; quantity: number; unit: string; note: string };
}

/** The i-th benchmark event of a stream. */
export function benchEvent(stream: number, index: number): BenchEvent {
  return {
    type: 'ItemRecorded',
    data: {
      sku: `sku-${stream}-${index}`,
      quantity: (index % 7) + 1,
      unit: 'piece',
      note: 'checked at the loading bay, no damage found',
    },
  };
}
