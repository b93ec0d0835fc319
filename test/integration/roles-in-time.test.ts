/**
 * Roles with dates on the seeded story (dates from the public records listed in
 * seed/README.md): `former` follows the end date, and `Statement.speakerRoles` gives the
 * roles held on the statement's date — Waltz spoke as National Security Adviser, the office
 * he left on 2025-05-01, and not yet as UN ambassador; Mulroy's office had ended in 2019.
 */
import { storyHarness } from '../helpers/graph';

const harness = storyHarness();
const S = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:';

async function data(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await harness.execute(query, variables);
  if (result.errors) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as Record<string, unknown>;
}

describe('roles in time', () => {
  it('gives a role its dates and derives former from the end', async () => {
    const { person } = await data(`{ person(id: "person:mike-waltz") { roles { title former start { date precision } end { date precision } } } }`);
    expect(person).toEqual({
      roles: [
        { title: 'National Security Adviser', former: true, start: { date: '2025-01-20', precision: 'DAY' }, end: { date: '2025-05-01', precision: 'DAY' } },
        { title: 'US Ambassador to the United Nations', former: false, start: { date: '2025-09-19', precision: 'DAY' }, end: null },
      ],
    });
  });

  it('gives each statement the roles its speaker held on its date', async () => {
    const { statements } = await data(`{ statements(first: 50) { edges { node { id date { date } speaker { id } speakerRoles { title } } } } }`);
    const rows = (statements as { edges: { node: { id: string; date: { date: string } | null; speaker: { id: string }; speakerRoles: { title: string }[] } }[] }).edges.map((e) => e.node);
    const titles = (id: string): string[] | undefined => rows.find((r) => r.id === id)?.speakerRoles.map((r) => r.title);
    // Waltz, Wednesday 2025-03-05: adviser, not yet ambassador.
    expect(titles(`${S}1`)).toEqual(['National Security Adviser']);
    // Mulroy left the Pentagon on 2019-12-01: no office on the day.
    const mulroy = rows.filter((r) => r.speaker.id === 'person:mick-mulroy');
    expect(mulroy.length).toBeGreaterThan(0);
    expect(mulroy.every((r) => r.speakerRoles.length === 0)).toBe(true);
    const macron = rows.filter((r) => r.speaker.id === 'person:emmanuel-macron');
    expect(macron.every((r) => r.speakerRoles.map((x) => x.title).join() === 'President of France')).toBe(true);
  });
});
