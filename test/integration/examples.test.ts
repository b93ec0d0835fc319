/**
 * Every operation in schema/examples.graphql, run against the seeded story with its whole
 * expected result written out. The expected values were checked by hand against the
 * article: speakers, kinds, venues, reporting chains and offsets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { storyHarness } from '../helpers/graph';

const examples = readFileSync(path.resolve(__dirname, '../../schema/examples.graphql'), 'utf8');
const operations = parse(examples).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

const harness = storyHarness();

async function operation(name: string): Promise<unknown> {
  const result = await harness.execute(examples, {}, { operationName: name });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const EXPECTED: Record<string, unknown> = {
  MostQuotedPeople: {
    people: {
      edges: [
        { node: { name: 'Mike Waltz', statements: { totalCount: 7 } } },
        { node: { name: 'Emmanuel Macron', statements: { totalCount: 5 } } },
        { node: { name: 'John Ratcliffe', statements: { totalCount: 4 } } },
        { node: { name: 'Mick Mulroy', statements: { totalCount: 3 } } },
        { node: { name: 'Donald Trump', statements: { totalCount: 2 } } },
        { node: { name: 'Karoline Leavitt', statements: { totalCount: 2 } } },
        { node: { name: 'Volodymyr Zelensky', statements: { totalCount: 1 } } },
      ],
    },
  },
  WhoSaidWhatAboutTheIntelligencePause: {
    statements: {
      totalCount: 13,
      edges: [
        {
          node: {
            kind: 'INDIRECT',
            text: 'The Trump administration has suspended intelligence sharing with Ukraine as part of a broader reassessment of US support for the war-torn nation.',
            speaker: { name: 'Mike Waltz' },
            evidence: { start: 54, end: 257 }
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'We have, we have taken a step back,',
            speaker: { name: 'Mike Waltz' },
            evidence: { start: 259, end: 294 }
          }
        },
        {
          node: {
            kind: 'PARTIAL',
            text: 'all aspects of this relationship.',
            speaker: { name: 'Mike Waltz' },
            evidence: { start: 427, end: 460 }
          }
        },
        {
          node: {
            kind: 'PARTIAL',
            text: 'will have an immediate impact',
            speaker: { name: 'Mick Mulroy' },
            evidence: { start: 885, end: 914 }
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'There is no way to replace the capabilities that the US intelligence can provide from our European allies,',
            speaker: { name: 'Mick Mulroy' },
            evidence: { start: 952, end: 1058 }
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'This will likely inspire Russia to push harder on their efforts to take more terrain from Ukraine and away from the negotiating table.',
            speaker: { name: 'Mick Mulroy' },
            evidence: { start: 1113, end: 1247 }
          }
        },
        {
          node: {
            kind: 'INDIRECT',
            text: 'Leavitt described the situation as a pause.',
            speaker: { name: 'Karoline Leavitt' },
            evidence: { start: 1699, end: 1733 }
          }
        },
        {
          node: {
            kind: 'INDIRECT',
            text: 'The relationship with Ukraine could soon improve.',
            speaker: { name: 'Mike Waltz' },
            evidence: { start: 2238, end: 2326 }
          }
        },
        {
          node: {
            kind: 'INDIRECT',
            text: 'The relationship with Ukraine could soon improve.',
            speaker: { name: 'John Ratcliffe' },
            evidence: { start: 2238, end: 2326 }
          }
        },
        {
          node: {
            kind: 'PARTIAL',
            text: 'had a real question about whether President Zelensky was committed to the peace process, and he said ‘let’s pause, I want to give you a chance to think about that.’',
            speaker: { name: 'John Ratcliffe' },
            evidence: { start: 2368, end: 2532 }
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'let’s pause, I want to give you a chance to think about that.',
            speaker: { name: 'Donald Trump' },
            evidence: { start: 2470, end: 2531 }
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'On the military front and the intelligence front, the pause that allowed that to happen, will go away and we’ll work shoulder to shoulder with Ukraine.',
            speaker: { name: 'John Ratcliffe' },
            evidence: { start: 2653, end: 2804 }
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'I think if we can nail down these negotiations and move towards these negotiations, and in fact, put some confidence-building measures on the table, then the president will take a hard look at lifting this pause.',
            speaker: { name: 'Mike Waltz' },
            evidence: { start: 2876, end: 3088 }
          }
        }
      ]
    }
  },
  EverythingMikeWaltzSaid: {
    person: {
      name: 'Mike Waltz',
      roles: [
        { title: 'National Security Adviser', organization: { name: 'White House' } },
        { title: 'US Ambassador to the United Nations', organization: null }
      ],
      statements: {
        totalCount: 7,
        edges: [
          {
            node: {
              kind: 'INDIRECT',
              text: 'The Trump administration has suspended intelligence sharing with Ukraine as part of a broader reassessment of US support for the war-torn nation.',
              venue: null,
              reportedBy: []
            }
          },
          {
            node: {
              kind: 'DIRECT',
              text: 'We have, we have taken a step back,',
              venue: 'told reporters',
              reportedBy: []
            }
          },
          { node: { kind: 'PARTIAL', text: 'all aspects of this relationship.', venue: null, reportedBy: [] } },
          {
            node: {
              kind: 'INDIRECT',
              text: 'The relationship with Ukraine could soon improve.',
              venue: null,
              reportedBy: [ { name: 'CNN' } ]
            }
          },
          {
            node: {
              kind: 'DIRECT',
              text: 'I think if we can nail down these negotiations and move towards these negotiations, and in fact, put some confidence-building measures on the table, then the president will take a hard look at lifting this pause.',
              venue: 'told Fox',
              reportedBy: [ { name: 'Financial Times' }, { name: 'Fox Business' } ]
            }
          },
          {
            node: { kind: 'PARTIAL', text: 'good talks', venue: null, reportedBy: [ { name: 'Financial Times' } ] }
          },
          {
            node: {
              kind: 'PARTIAL',
              text: 'very short order.',
              venue: null,
              reportedBy: [ { name: 'Financial Times' } ]
            }
          }
        ]
      }
    }
  },
  QuotesReportedThroughTheFT: {
    statements: {
      totalCount: 6,
      edges: [
        {
          node: {
            kind: 'DIRECT',
            text: 'There is no way to replace the capabilities that the US intelligence can provide from our European allies,',
            speaker: { name: 'Mick Mulroy' },
            venue: null,
            reportedBy: [ { id: 'org:financial-times' } ]
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'This will likely inspire Russia to push harder on their efforts to take more terrain from Ukraine and away from the negotiating table.',
            speaker: { name: 'Mick Mulroy' },
            venue: null,
            reportedBy: [ { id: 'org:financial-times' } ]
          }
        },
        {
          node: {
            kind: 'DIRECT',
            text: 'I think if we can nail down these negotiations and move towards these negotiations, and in fact, put some confidence-building measures on the table, then the president will take a hard look at lifting this pause.',
            speaker: { name: 'Mike Waltz' },
            venue: 'told Fox',
            reportedBy: [ { id: 'org:financial-times' }, { id: 'org:fox-business' } ]
          }
        },
        {
          node: {
            kind: 'PARTIAL',
            text: 'good talks',
            speaker: { name: 'Mike Waltz' },
            venue: null,
            reportedBy: [ { id: 'org:financial-times' } ]
          }
        },
        {
          node: {
            kind: 'PARTIAL',
            text: 'very short order.',
            speaker: { name: 'Mike Waltz' },
            venue: null,
            reportedBy: [ { id: 'org:financial-times' } ]
          }
        },
        {
          node: {
            kind: 'PARTIAL',
            text: 'durable peace plan,',
            speaker: { name: 'Emmanuel Macron' },
            venue: null,
            reportedBy: [ { id: 'org:financial-times' } ]
          }
        }
      ]
    }
  },
  TheQuoteInsideRatcliffesQuote: {
    person: {
      statements: {
        edges: [
          { node: { text: 'The relationship with Ukraine could soon improve.', quotes: [] } },
          {
            node: {
              text: 'had a real question about whether President Zelensky was committed to the peace process, and he said ‘let’s pause, I want to give you a chance to think about that.’',
              quotes: [
                {
                  kind: 'DIRECT',
                  text: 'let’s pause, I want to give you a chance to think about that.',
                  speaker: { name: 'Donald Trump' },
                  quotedIn: { speaker: { name: 'John Ratcliffe' } }
                }
              ]
            }
          },
          {
            node: {
              text: 'Zelensky’s subsequent statement expressing readiness for peace talks was a positive development.',
              quotes: [
                {
                  kind: 'INDIRECT',
                  text: 'Zelensky expressed readiness for peace talks.',
                  speaker: { name: 'Volodymyr Zelensky' },
                  quotedIn: { speaker: { name: 'John Ratcliffe' } }
                }
              ]
            }
          },
          {
            node: {
              text: 'On the military front and the intelligence front, the pause that allowed that to happen, will go away and we’ll work shoulder to shoulder with Ukraine.',
              quotes: []
            }
          }
        ]
      }
    }
  },
  RolesOfEverySpeaker: {
    people: {
      edges: [
        {
          node: {
            name: 'Donald Trump',
            statements: { totalCount: 2 },
            roles: [
              {
                title: 'President of the United States',
                former: false,
                organization: { name: 'Trump administration' },
                place: { name: 'United States' }
              }
            ]
          }
        },
        {
          node: {
            name: 'Emmanuel Macron',
            statements: { totalCount: 5 },
            roles: [ { title: 'President of France', former: false, organization: null, place: { name: 'France' } } ]
          }
        },
        {
          node: {
            name: 'John Ratcliffe',
            statements: { totalCount: 4 },
            roles: [
              {
                title: 'CIA Director',
                former: false,
                organization: { name: 'Central Intelligence Agency' },
                place: { name: 'United States' }
              }
            ]
          }
        },
        {
          node: {
            name: 'Karoline Leavitt',
            statements: { totalCount: 2 },
            roles: [
              {
                title: 'White House Press Secretary',
                former: false,
                organization: { name: 'White House' },
                place: { name: 'United States' }
              }
            ]
          }
        },
        {
          node: {
            name: 'Mick Mulroy',
            statements: { totalCount: 3 },
            roles: [
              {
                title: 'Deputy Assistant Secretary of Defense',
                former: true,
                organization: { name: 'US Department of Defense' },
                place: { name: 'United States' }
              }
            ]
          }
        },
        {
          node: {
            name: 'Mike Waltz',
            statements: { totalCount: 7 },
            roles: [
              {
                title: 'National Security Adviser',
                former: true,
                organization: { name: 'White House' },
                place: { name: 'United States' }
              },
              { title: 'US Ambassador to the United Nations', former: false, organization: null, place: { name: 'United States' } }
            ]
          }
        },
        {
          node: {
            name: 'Volodymyr Zelensky',
            statements: { totalCount: 1 },
            roles: [ { title: 'President of Ukraine', former: false, organization: null, place: { name: 'Ukraine' } } ]
          }
        }
      ]
    }
  },
  StatementWithEvidence: {
    node: {
      id: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:952-1058',
      text: 'There is no way to replace the capabilities that the US intelligence can provide from our European allies,',
      kind: 'DIRECT',
      speaker: { id: 'person:mick-mulroy' },
      evidence: {
        start: 952,
        end: 1058,
        sentence: '“There is no way to replace the capabilities that the US intelligence can provide from our European allies,” Mulroy said, according to the Financial Times (FT).',
        sentenceStart: 951,
        article: { title: 'US Cuts Off Intelligence Sharing With Ukraine: Report' }
      }
    }
  },
  // "pause" is in both policy names and in Leavitt's and Trump's words; the snippet is the
  // name that holds it, or the words around it.
  SearchForThePause: {
    search: [
      { snippet: 'US pause of intelligence sharing with Ukraine', node: { __typename: 'Policy', id: 'policy:us-intelligence-sharing-pause' } },
      {
        snippet: 'Leavitt described the situation as a pause.',
        node: { __typename: 'Statement', id: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:8', speaker: { name: 'Karoline Leavitt' } }
      },
      {
        snippet: 'let’s pause, I want to give you a…',
        node: { __typename: 'Statement', id: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2470-2531', speaker: { name: 'Donald Trump' } }
      },
      { snippet: 'US pause of military aid to Ukraine', node: { __typename: 'Policy', id: 'policy:us-military-aid-pause' } }
    ]
  },
  // Macron took part in the army chiefs' meeting, which the intelligence pause preceded;
  // Ratcliffe's CNN paraphrase is about the pause.
  HowMacronConnectsToRatcliffe: {
    paths: [
      {
        length: 4,
        nodes: [
          { __typename: 'Person', id: 'person:emmanuel-macron', name: 'Emmanuel Macron' },
          { __typename: 'Event', id: 'event:european-army-chiefs-meeting-2025-03', name: 'Meeting of European army chiefs in Paris' },
          { __typename: 'Policy', id: 'policy:us-intelligence-sharing-pause', name: 'US pause of intelligence sharing with Ukraine' },
          { __typename: 'Statement', id: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:11', text: 'The relationship with Ukraine could soon improve.' },
          { __typename: 'Person', id: 'person:john-ratcliffe', name: 'John Ratcliffe' }
        ],
        steps: [
          { from: 'person:emmanuel-macron', to: 'event:european-army-chiefs-meeting-2025-03', relation: 'PARTICIPATED_IN', forward: true },
          { from: 'event:european-army-chiefs-meeting-2025-03', to: 'policy:us-intelligence-sharing-pause', relation: 'PRECEDED', forward: false },
          { from: 'policy:us-intelligence-sharing-pause', to: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:11', relation: 'ABOUT', forward: false },
          { from: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:11', to: 'person:john-ratcliffe', relation: 'SAID', forward: false }
        ]
      }
    ]
  },
  // The invasion (2022), the Oval Office meeting (28 February), Monday's aid pause (3 March),
  // Wednesday's intelligence pause (5 March) and Waltz confirming it that day.
  TheRoadToTheIntelligencePause: {
    timeline: [
      {
        date: '2022-01-01',
        dateText: '2022',
        precision: 'YEAR',
        node: { __typename: 'Event', id: 'event:russian-full-scale-invasion-of-ukraine', name: 'Russia’s full-scale invasion of Ukraine' }
      },
      {
        date: '2025-02-28',
        dateText: null,
        precision: 'DAY',
        node: { __typename: 'Event', id: 'event:oval-office-meeting-2025-02-28', name: 'Oval Office meeting between Donald Trump and Volodymyr Zelensky' }
      },
      {
        date: '2025-02-28',
        dateText: null,
        precision: 'DAY',
        node: {
          __typename: 'Statement',
          id: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:4',
          text: 'Trump asked Volodymyr Zelensky to leave the Oval Office meeting after a heated exchange.',
          speaker: { name: 'Donald Trump' }
        }
      },
      {
        date: '2025-03-03',
        dateText: 'Monday',
        precision: 'DAY',
        node: { __typename: 'Policy', id: 'policy:us-military-aid-pause', name: 'US pause of military aid to Ukraine' }
      },
      {
        date: '2025-03-05',
        dateText: null,
        precision: 'DAY',
        node: { __typename: 'Event', id: 'event:macron-televised-address-2025-03-05', name: 'Emmanuel Macron’s televised address' }
      },
      {
        date: '2025-03-05',
        dateText: 'Wednesday',
        precision: 'DAY',
        node: { __typename: 'Policy', id: 'policy:us-intelligence-sharing-pause', name: 'US pause of intelligence sharing with Ukraine' }
      },
      {
        date: '2025-03-05',
        dateText: 'Wednesday',
        precision: 'DAY',
        node: {
          __typename: 'Statement',
          id: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:1',
          text: 'The Trump administration has suspended intelligence sharing with Ukraine as part of a broader reassessment of US support for the war-torn nation.',
          speaker: { name: 'Mike Waltz' }
        }
      }
    ]
  },
  AttributionDashboard: {
    speakersOnThePause: [
      { id: 'person:mike-waltz', label: 'Mike Waltz', count: 5 },
      { id: 'person:john-ratcliffe', label: 'John Ratcliffe', count: 3 },
      { id: 'person:mick-mulroy', label: 'Mick Mulroy', count: 3 },
      { id: 'person:donald-trump', label: 'Donald Trump', count: 1 },
      { id: 'person:karoline-leavitt', label: 'Karoline Leavitt', count: 1 }
    ],
    outlets: [
      { id: 'org:financial-times', label: 'Financial Times', count: 6 },
      { id: 'org:fox-business', label: 'Fox Business', count: 6 },
      { id: 'org:cnn', label: 'CNN', count: 2 }
    ],
    kinds: [
      { id: null, label: 'INDIRECT', count: 9 },
      { id: null, label: 'PARTIAL', count: 8 },
      { id: null, label: 'DIRECT', count: 7 }
    ]
  },
  WhoCarriesWhom: {
    "network": {
      "statementCount": 24,
      "edgeCount": 9,
      "truncated": false,
      "edges": [
        {
          "source": "person:john-ratcliffe",
          "target": "org:fox-business",
          "weight": 3,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2368-2532",
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:14",
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2653-2804"
          ]
        },
        {
          "source": "person:mike-waltz",
          "target": "org:financial-times",
          "weight": 3,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2876-3088",
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:3116-3126",
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:3236-3253"
          ]
        },
        {
          "source": "person:mick-mulroy",
          "target": "org:financial-times",
          "weight": 2,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:952-1058",
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:1113-1247"
          ]
        },
        {
          "source": "person:donald-trump",
          "target": "org:fox-business",
          "weight": 1,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2470-2531"
          ]
        },
        {
          "source": "person:emmanuel-macron",
          "target": "org:financial-times",
          "weight": 1,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:3763-3782"
          ]
        },
        {
          "source": "person:john-ratcliffe",
          "target": "org:cnn",
          "weight": 1,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:11"
          ]
        },
        {
          "source": "person:mike-waltz",
          "target": "org:cnn",
          "weight": 1,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:10"
          ]
        },
        {
          "source": "person:mike-waltz",
          "target": "org:fox-business",
          "weight": 1,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2876-3088"
          ]
        },
        {
          "source": "person:volodymyr-zelensky",
          "target": "org:fox-business",
          "weight": 1,
          "evidence": [
            "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:15"
          ]
        }
      ]
    }
  },
    WhoIsCentral: {
    "networkRanking": {
      "nodeCount": 23,
      "edgeCount": 64,
      "speakers": [
        {
          "id": "person:emmanuel-macron",
          "weightedDegree": 18,
          "community": 1
        },
        {
          "id": "person:mike-waltz",
          "weightedDegree": 25,
          "community": 2
        },
        {
          "id": "person:john-ratcliffe",
          "weightedDegree": 23,
          "community": 0
        },
        {
          "id": "person:mick-mulroy",
          "weightedDegree": 17,
          "community": 2
        },
        {
          "id": "person:donald-trump",
          "weightedDegree": 14,
          "community": 0
        },
        {
          "id": "person:volodymyr-zelensky",
          "weightedDegree": 12,
          "community": 0
        },
        {
          "id": "person:karoline-leavitt",
          "weightedDegree": 9,
          "community": 0
        }
      ],
      "communities": [
        {
          "id": 0,
          "members": [
            "person:john-ratcliffe",
            "person:donald-trump",
            "person:volodymyr-zelensky",
            "person:karoline-leavitt",
            "event:ukraine-russia-peace-negotiations",
            "org:fox-business",
            "policy:us-military-aid-pause",
            "org:cnn",
            "event:oval-office-meeting-2025-02-28"
          ]
        },
        {
          "id": 1,
          "members": [
            "person:emmanuel-macron",
            "place:europe",
            "event:european-army-chiefs-meeting-2025-03",
            "place:france",
            "place:paris",
            "policy:durable-peace-plan",
            "policy:european-defense-spending-increase"
          ]
        },
        {
          "id": 2,
          "members": [
            "person:mike-waltz",
            "person:mick-mulroy",
            "policy:us-intelligence-sharing-pause",
            "place:ukraine",
            "org:financial-times",
            "place:united-states",
            "place:russia"
          ]
        }
      ]
    }
  },
    WhatWaltzWasWhenHeSpoke: {
    "statement": {
      "date": {
        "date": "2025-03-05"
      },
      "speaker": {
        "name": "Mike Waltz"
      },
      "speakerRoles": [
        {
          "title": "National Security Adviser",
          "start": {
            "date": "2025-01-20"
          },
          "end": {
            "date": "2025-05-01"
          }
        }
      ]
    }
  },
  TrumpByWikidataId: {
    entityByIdentifier: {
      id: 'person:donald-trump',
      name: 'Donald Trump',
      identifiers: [
        { scheme: 'URL', value: 'https://en.wikipedia.org/wiki/Donald_Trump', url: 'https://en.wikipedia.org/wiki/Donald_Trump' },
        { scheme: 'WIKIDATA', value: 'Q22686', url: 'https://www.wikidata.org/wiki/Q22686' },
      ],
    },
  },
  DashboardOfThePause: {
    stances: [
      { label: 'SUPPORTS', count: 8 },
      { label: 'OPPOSES', count: 3 },
      { label: 'UNCLEAR', count: 2 }
    ],
    weekly: [
      {
        id: 'person:mike-waltz',
        label: 'Mike Waltz',
        total: 5,
        points: [
          { start: '2025-02-24', count: 0, share: 0 },
          { start: '2025-03-03', count: 5, share: 5 / 13 }
        ]
      },
      {
        id: 'person:john-ratcliffe',
        label: 'John Ratcliffe',
        total: 3,
        points: [
          { start: '2025-02-24', count: 0, share: 0 },
          { start: '2025-03-03', count: 3, share: 3 / 13 }
        ]
      },
      {
        id: null,
        label: 'other',
        total: 5,
        points: [
          { start: '2025-02-24', count: 0, share: 0 },
          { start: '2025-03-03', count: 5, share: 5 / 13 }
        ]
      }
    ],
    latestAgainst: {
      totalCount: 3,
      edges: [
        {
          node: {
            text: 'This will likely inspire Russia to push harder on their efforts to take more terrain from Ukraine and away from the negotiating table.',
            speaker: { name: 'Mick Mulroy' },
            aboutLinks: [
              { entity: { id: 'policy:us-intelligence-sharing-pause' }, stance: 'OPPOSES' },
              { entity: { id: 'place:russia' }, stance: 'NEUTRAL' },
              { entity: { id: 'place:ukraine' }, stance: 'NEUTRAL' },
              { entity: { id: 'event:ukraine-russia-peace-negotiations' }, stance: 'SUPPORTS' }
            ]
          }
        }
      ]
    }
  },
  ArticleHistory: {
    article: {
      retracted: null,
      history: { totalCount: 1, edges: [{ node: { action: 'ingest', reason: null, changes: [] } }] },
    },
  },
};

describe('schema/examples.graphql', () => {
  it('has an expected result for every operation, and nothing else', () => {
    expect(operations.map((o) => o.name?.value).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s answers exactly as written', async (name) => {
    expect(await operation(name)).toEqual(EXPECTED[name]);
  });
});
