/**
 * External identifiers: where an entity is known outside this graph (a Wikidata item, a page
 * about it). Ingest resolves entities by them before id and name (src/ingest/plan-entities.ts).
 */
import { Field, ObjectType } from 'type-graphql';
import { IDENTIFIER_SCHEMES, type IdentifierScheme as SchemeName } from '../../vocabulary';
import { graphqlEnum } from '../enum';

export const IdentifierScheme = graphqlEnum(
  IDENTIFIER_SCHEMES,
  'IdentifierScheme',
  'WIKIDATA: a Wikidata item, by its Q-id (Q22686). URL: the address of a page about the entity.',
);

@ObjectType({ description: 'An identifier of the entity in another register, given only where a source confirms it (seed/README.md lists the sources for the story).' })
export class ExternalIdentifier {
  @Field(() => IdentifierScheme)
  scheme!: SchemeName;

  @Field({ description: 'Q22686 for WIKIDATA; the address itself for URL.' })
  value!: string;

  @Field({ description: 'Where the identifier resolves: https://www.wikidata.org/wiki/<value> for WIKIDATA, the value for URL.' })
  url!: string;
}
