import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('has working defaults: loopback, port 4000, the embedded Neo4j', () => {
    const config = loadConfig({});
    expect({ host: config.host, port: config.port, uri: config.neo4j.uri, apiKeys: config.apiKeys }).toEqual({
      host: '127.0.0.1',
      port: 4000,
      uri: null,
      apiKeys: [],
    });
  });

  it('takes bolt:// and neo4j:// URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' }).neo4j.uri).toBe('bolt://127.0.0.1:7687');
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
  });

  it('reports every bad variable at once, each by name with the value received', () => {
    let error: unknown;
    try {
      loadConfig({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty', NEO4J_HEAP: 'lots', API_KEYS: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'NEO4J_URI must use one of bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://; received "http://localhost:7474"',
      'API_KEYS entries must be at least 16 characters; one has 5',
      'NEO4J_HEAP must be a size like 512m or 2g; received "lots"',
      'PORT must be a whole number from 0 to 65535; received "eighty"',
    ]);
  });

  it('keeps 500 answers unless ANSWER_CACHE_SIZE says otherwise; 0 keeps none', () => {
    expect(loadConfig({}).answerCacheSize).toBe(500);
    expect(loadConfig({ ANSWER_CACHE_SIZE: '0' }).answerCacheSize).toBe(0);
    expect(() => loadConfig({ ANSWER_CACHE_SIZE: '-1' })).toThrow('ANSWER_CACHE_SIZE must be a whole number from 0 to 100000; received "-1"');
  });

  it('warms Neo4j at start unless WARM_UP is false', () => {
    expect(loadConfig({}).warmUp).toBe(true);
    expect(loadConfig({ WARM_UP: 'false' }).warmUp).toBe(false);
    expect(() => loadConfig({ WARM_UP: 'later' })).toThrow(/WARM_UP/);
  });

  it('sizes the extraction workers from EXTRACT_* and reports a bad one by name', () => {
    expect(loadConfig({}).extraction).toEqual({ workers: 2, queue: 8, timeoutMs: 10_000, heapMb: 512 });
    expect(loadConfig({ EXTRACT_WORKERS: '4', EXTRACT_QUEUE: '0', EXTRACT_TIMEOUT_MS: '2500', EXTRACT_HEAP_MB: '256' }).extraction).toEqual({ workers: 4, queue: 0, timeoutMs: 2_500, heapMb: 256 });
    expect(() => loadConfig({ EXTRACT_WORKERS: '0' })).toThrow('EXTRACT_WORKERS must be a whole number from 1 to 64; received "0"');
  });
});
