import { deliveryCapabilities } from './delivery-announcement.js';

describe('deliveryCapabilities', () => {
  it('announces the enabled sinks in DELIVERY_SINKS order with the replica and time', () => {
    const now = new Date('2026-12-06T08:40:00.000Z');
    expect(deliveryCapabilities(['file', 'stdout'], 'communications-2', now)).toEqual({
      sinks: ['file', 'stdout'],
      updatedAt: '2026-12-06T08:40:00.000Z',
      instance: 'communications-2',
    });
  });

  it('refuses to announce a deployment that enables no sink', () => {
    expect(() => deliveryCapabilities([], 'communications-1', new Date())).toThrow();
  });
});
