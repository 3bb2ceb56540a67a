import { createModelClient } from './create-model-client.js';
import { parseModelSettings } from './model-settings.js';

describe('createModelClient', () => {
  it('gives the builtin brain no client', async () => {
    await expect(createModelClient({ provider: 'builtin' }, () => undefined)).resolves.toBeUndefined();
  });

  it('gives a model its client, named by the model id', async () => {
    const settings = parseModelSettings({
      SWARM_MODEL: 'openai-compatible:llama3.1',
      SWARM_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1',
    });
    const client = await createModelClient(settings, () => undefined);
    expect(client?.id).toBe('openai-compatible:llama3.1');
  });
});
