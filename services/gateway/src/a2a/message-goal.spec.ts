import type { Message } from '@a2a-js/sdk';
import { Role } from '@a2a-js/sdk';
import { sendsGoal } from './a2a-http.js';
import { idempotencyKeyOf, messageText } from './message-goal.js';

const message = (parts: Message['parts']): Message => ({
  messageId: 'm1',
  contextId: '',
  taskId: '',
  role: Role.ROLE_USER,
  parts,
  metadata: undefined,
  extensions: [],
  referenceTaskIds: [],
});

describe('messageText', () => {
  it('joins the text parts of a message into the goal text and skips other parts', () => {
    const text = messageText(
      message([
        {
          content: { $case: 'text', value: ' top 3 csv parsers ' },
          mediaType: '',
          filename: '',
          metadata: undefined,
        },
        { content: { $case: 'data', value: { topN: 3 } }, mediaType: '', filename: '', metadata: undefined },
        { content: { $case: 'text', value: 'for Node' }, mediaType: '', filename: '', metadata: undefined },
      ]),
    );
    expect(text).toBe('top 3 csv parsers \n\nfor Node');
  });

  it('is empty for a message without text', () => {
    expect(messageText(message([]))).toBe('');
  });
});

describe('idempotencyKeyOf', () => {
  it('derives the key from a message id that fits the key alphabet', () => {
    expect(idempotencyKeyOf('0f8c2a4e-1b2c-4d5e-8f90-123456789abc')).toBe(
      'a2a:0f8c2a4e-1b2c-4d5e-8f90-123456789abc',
    );
  });

  it('gives no key for a message id outside it (every send is then a new goal)', () => {
    expect(idempotencyKeyOf('has space')).toBeUndefined();
  });
});

describe('sendsGoal', () => {
  it.each(['SendMessage', 'SendStreamingMessage', 'message/send', 'message/stream'])(
    'counts %s as submitting a goal',
    (method) => {
      expect(sendsGoal({ jsonrpc: '2.0', id: 1, method })).toBe(true);
    },
  );

  it('lets reads through, alone or in a batch', () => {
    expect(sendsGoal({ method: 'GetTask' })).toBe(false);
    expect(sendsGoal([{ method: 'tasks/get' }, { method: 'CancelTask' }])).toBe(false);
    expect(sendsGoal([{ method: 'tasks/get' }, { method: 'message/send' }])).toBe(true);
  });
});
