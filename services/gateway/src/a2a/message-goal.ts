import type { Message } from '@a2a-js/sdk';

/** The text of a message: its text parts joined by blank lines, trimmed (the goal's text). Pure. */
export function messageText(message: Message | undefined): string {
  const texts = (message?.parts ?? []).flatMap((part) =>
    part.content?.$case === 'text' ? [part.content.value] : [],
  );
  return texts.join('\n\n').trim();
}

const KEY = /^[A-Za-z0-9_.:-]{1,120}$/;

/**
 * The idempotency key for a message (`a2a:<messageId>`), so a client that sends the same message twice gets one
 * goal; undefined when the message id does not fit the key's alphabet (then every send is a new goal). Pure.
 */
export function idempotencyKeyOf(messageId: string): string | undefined {
  return KEY.test(messageId) ? `a2a:${messageId}` : undefined;
}
