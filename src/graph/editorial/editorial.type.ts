/** The editing mutations' inputs and answers. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type';
import { Entity } from '../entity/entity.type';
import { Statement, StatementKind } from '../statement/statement.type';
import { Edit } from './edit.type';

@InputType({ description: 'The fields to set right; a field left out keeps its value, a null venue or quotedIn clears it.' })
export class StatementChangesInput {
  @Field(() => ID, { nullable: true, description: 'A person, organization or place already in the graph.' })
  speaker?: string | null;

  @Field(() => StatementKind, { nullable: true, description: 'DIRECT and PARTIAL need the statement\'s words at its span in every article it appears in.' })
  kind?: StatementKind | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the topics, in order.' })
  about?: string[] | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the outlets, nearest to the article first.' })
  reportedBy?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A statement of the same article.' })
  quotedIn?: string | null;
}

@ObjectType()
export class CorrectionResult {
  @Field(() => Statement)
  statement!: unknown;

  @Field(() => Edit)
  edit!: Edit;
}

@ObjectType()
export class ArticleEditResult {
  @Field(() => Article)
  article!: unknown;

  @Field(() => [ID], { description: 'Statements retracted (or restored) with the article: it was their last live evidence.' })
  statements!: string[];

  @Field(() => Edit)
  edit!: Edit;
}

@ObjectType({ description: 'A statement that became the same quote as another and went into it.' })
export class CollapsedStatement {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  into!: string;
}

@ObjectType()
export class MergeResult {
  @Field(() => Entity, { description: 'The entity merged into, as it is now.' })
  entity!: unknown;

  @Field(() => [CollapsedStatement])
  collapsed!: CollapsedStatement[];

  @Field(() => Edit)
  edit!: Edit;
}
