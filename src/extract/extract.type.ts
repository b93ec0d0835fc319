import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { StatementKind } from '../graph/statement/statement.type';

@ObjectType({ description: 'A statement the extractor proposes, or a quote it left out for want of a speaker, with how sure it is and why.' })
export class ProposedStatement {
  @Field(() => Int, { nullable: true, description: "Position in the document's statements; null when the quote was left out because no speaker could be resolved." })
  index!: number | null;

  @Field(() => StatementKind)
  kind!: StatementKind;

  @Field({ description: 'The quoted words (DIRECT, PARTIAL) or the paraphrase (INDIRECT).' })
  text!: string;

  @Field(() => Int, { description: 'Offset into the text, in UTF-16 code units.' })
  start!: number;

  @Field(() => Int, { description: 'End offset, exclusive.' })
  end!: number;

  @Field(() => ID, { nullable: true, description: 'The speaker: an id already in the graph, or one the document proposes; null when unresolved.' })
  speaker!: string | null;

  @Field(() => String, { nullable: true, description: 'The words the speaker was found from: "he", "the CIA director", "Waltz".' })
  speakerMention!: string | null;

  @Field(() => String, { nullable: true })
  venue!: string | null;

  @Field(() => [ID])
  reportedBy!: string[];

  @Field(() => ID, { nullable: true, description: 'The statement this quote sits inside.' })
  quotedIn!: string | null;

  @Field(() => Float, { description: 'From 0 to 1: how likely the statement is right as proposed.' })
  confidence!: number;

  @Field({ description: 'The rule that produced it, e.g. quote-then-speaker-verb, continuation-paragraph, indirect-speech-verb.' })
  rule!: string;

  @Field(() => [String], { description: 'What to check: pronoun, new-entity, unattributed, outlet-inherited, ...' })
  flags!: string[];
}

@ObjectType({ description: 'A proposed article document for review; nothing is written until it is ingested.' })
export class ExtractionProposal {
  @Field(() => ID)
  articleId!: string;

  @Field({ description: 'The proposed document as JSON: the shape ingestArticle and `npm run ingest` accept, plus its `review` list.' })
  document!: string;

  @Field(() => [ProposedStatement], { description: 'Every proposed statement, and every quote left out, in text order.' })
  statements!: ProposedStatement[];

  @Field(() => [ID], { description: 'Entities the document defines because the graph does not have them yet.' })
  newEntities!: string[];

  @Field(() => [ID], { description: "The graph's entities the proposed statements point at." })
  knownEntities!: string[];
}
