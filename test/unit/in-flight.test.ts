/**
 * The drain's responses in flight (src/http/in-flight.ts): an array where a finished response's
 * place goes to the last one, which must still hold exactly the responses not yet finished.
 */
import type { ServerResponse } from 'node:http';
import { InFlight } from '../../src/http/in-flight';

const response = (name: string): ServerResponse => ({ name }) as unknown as ServerResponse;

describe('the responses in flight', () => {
  it('holds what was added and not yet finished, whatever the order they finish in', () => {
    const inFlight = new InFlight();
    const responses = ['a', 'b', 'c', 'd', 'e'].map(response);
    const finish = responses.map((res) => inFlight.add(res));
    expect(inFlight.size).toBe(5);
    finish[1]?.();
    finish[4]?.();
    finish[0]?.();
    expect(inFlight.size).toBe(2);
    expect(new Set(inFlight)).toEqual(new Set([responses[2], responses[3]]));
    const f = response('f');
    const finishF = inFlight.add(f);
    finish[3]?.();
    expect(new Set(inFlight)).toEqual(new Set([responses[2], f]));
    finish[2]?.();
    finishF();
    expect(inFlight.size).toBe(0);
    expect([...inFlight]).toEqual([]);
  });

  it('removes a response once, however often its finish is called', () => {
    const inFlight = new InFlight();
    const [a, b] = [response('a'), response('b')];
    const finishA = inFlight.add(a);
    inFlight.add(b);
    finishA();
    finishA();
    expect([...inFlight]).toEqual([b]);
  });

  it('lets the caller finish responses while it goes through them', () => {
    const inFlight = new InFlight();
    const responses = ['a', 'b', 'c'].map(response);
    const finish = new Map(responses.map((res) => [res, inFlight.add(res)] as const));
    const seen: ServerResponse[] = [];
    for (const res of inFlight) {
      seen.push(res);
      finish.get(res)?.();
    }
    expect(new Set(seen)).toEqual(new Set(responses));
    expect(inFlight.size).toBe(0);
  });
});
