/**
 * The page's own metadata (src/extract/metadata.ts) where real pages give it without the
 * usual markers: an author's name on a line of its own below the headline, with or without
 * the outlet after a comma, and a date stamp glued to the first paragraph.
 */
import { readMetadata } from '../../src/extract/metadata';

describe('the page head', () => {
  it('takes a line that is only a person’s name below the headline for the byline', () => {
    expect(readMetadata('Ferry fares frozen after island vote\nMorag Lindqvist\nThe island council voted on Monday to freeze ferry fares for two more years, ending a month of protests.\n').byline).toBe('Morag Lindqvist');
    expect(readMetadata('Ferry fares frozen after island vote\nMorag Lindqvist, Island Echo on\nThe council voted.\n').byline).toBe('Morag Lindqvist');
  });

  it('does not take a name above the headline, a menu line or a place for a byline', () => {
    expect(readMetadata('Morag Lindqvist\nFerry fares frozen after island vote\nThe council voted.\n')).toEqual({ title: 'Ferry fares frozen after island vote', byline: null, publishedAt: null });
    expect(readMetadata('Ferry fares frozen after island vote\nNews Sport Weather\nWest Wing\nThe council voted.\n').byline).toBeNull();
  });

  it('reads a date stamp glued to the first paragraph', () => {
    expect(readMetadata(' date 2026-03-02 The island council voted on Monday to freeze ferry fares for two more years, ending a month of protests.\n').publishedAt).toBe('2026-03-02');
    expect(readMetadata('Ferry fares frozen\nThe council voted on 2026-03-02 to freeze ferry fares for two more years, ending a month of protests.\n').publishedAt).toBeNull();
  });

  it('takes no menu line for the headline: a "Skip to" link, a line holding the site’s path', () => {
    expect(readMetadata('Skip to main contentSkip to navigation\nFerry fares frozen after island vote\nThe council voted.\n').title).toBe('Ferry fares frozen after island vote');
    expect(readMetadata('latest Island Echo /echo/en/news/latest/aB3x content subNav\nFerry fares frozen after island vote\nThe council voted.\n').title).toBe('Ferry fares frozen after island vote');
  });

  it('takes no headline from a line a date stamp is glued to, nor from the first paragraph after the date and byline', () => {
    expect(readMetadata(' date 2026-03-02 By Morag Lindqvist\nAn update from the harbour master on the ferry fares.\nThe council voted.\n')).toEqual({ title: null, byline: 'Morag Lindqvist', publishedAt: '2026-03-02' });
    expect(readMetadata(' date 2026-03-02 Picture desk Copyright: Island Echo Morag Lindqvist at the vote on Monday\nThe island council voted on Monday to freeze ferry fares for two more years, ending a month of protests.\n').title).toBeNull();
  });

  it('reads a byline with an initial, and one below a standfirst; not a name the headline itself gives (a caption)', () => {
    expect(readMetadata('Ferry fares frozen after island vote\nPublished |Updated\nMorag T. Lindqvist\nThe council voted.\n').byline).toBe('Morag T. Lindqvist');
    expect(readMetadata('Ferry fares frozen after island vote\n"We will keep the boats running as long as we can," the harbour master said on Monday.\nMorag Lindqvist, Island Echo\nThe council voted.\n').byline).toBe('Morag Lindqvist');
    expect(readMetadata('Ansel Brody: ferry fares frozen after island vote\nAnsel Brody\nThe council voted.\n').byline).toBeNull();
  });
});
