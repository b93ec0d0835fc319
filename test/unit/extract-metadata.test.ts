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
});
