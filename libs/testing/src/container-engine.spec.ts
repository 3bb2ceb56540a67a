import { isContainerEngineReachable, parseDockerHost } from './container-engine.js';

describe('parseDockerHost', () => {
  it('reads a unix socket path', () => {
    expect(parseDockerHost('unix:///run/user/1000/docker.sock')).toEqual({
      kind: 'socket',
      socketPath: '/run/user/1000/docker.sock',
    });
  });

  it('reads a tcp host and port', () => {
    expect(parseDockerHost('tcp://127.0.0.1:2376')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2376 });
  });

  it('defaults a tcp endpoint without a port to 2375', () => {
    expect(parseDockerHost('tcp://dockerd')).toEqual({ kind: 'tcp', host: 'dockerd', port: 2375 });
  });

  it('keeps schemes it cannot ping as other', () => {
    expect(parseDockerHost('ssh://me@builder')).toEqual({ kind: 'other', value: 'ssh://me@builder' });
  });
});

describe('isContainerEngineReachable', () => {
  it('says no when DOCKER_HOST names a socket that does not exist', async () => {
    await expect(isContainerEngineReachable('unix:///nonexistent/swarm-test/docker.sock')).resolves.toBe(
      false,
    );
  });
});
