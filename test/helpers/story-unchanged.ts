/**
 * Setup after the framework, for every test file of a project with a Neo4j: fails the file
 * when a transaction was committed to the run's story database while it ran. Every worker
 * reads that one database (global-setup.ts), and the tests that count round trips or compare
 * a census before and after rely on its staying as seeded: a commit ends every kept answer
 * in it. A file that must write, or probe what a commit does, works on a scratch graph
 * (own-neo4j.ts, storyScratch in graph.ts). The culprit is this file or the one the other
 * worker ran at the same time.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { sharedNeo4j, storyState } from './run-neo4j';

const story = sharedNeo4j()?.story;
if (story) {
  let driver: Driver;
  let before: string;
  beforeAll(async () => {
    const config = loadConfig().neo4j;
    driver = neo4j.driver(story.uri, neo4j.auth.basic(config.user, config.password));
    before = await storyState(driver);
  });
  afterAll(async () => {
    try {
      const after = await storyState(driver);
      if (after !== before) {
        throw new Error(`the shared story database (${story.uri}) was committed to while this file ran (state ${before}, then ${after}): this file or the one running beside it wrote to it, which belongs on a scratch graph (test/helpers/own-neo4j.ts)`);
      }
    } finally {
      await driver.close();
    }
  });
}
