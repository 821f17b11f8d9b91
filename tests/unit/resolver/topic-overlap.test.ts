/** The passage-vs-title word pairs: a stop word is bridged over, and stands for every word spelt with its letters. */
import { describe, expect, it } from 'vitest';
import { topicOverlap } from '../../../lib/resolver/resolve';

describe('topicOverlap', () => {
  it('keeps "thể" (thể dục, thể thao): a sports passage shares the sports title\'s pairs', () => {
    const title = 'về tăng cường sự lãnh đạo của Đảng, tạo bước phát triển mạnh mẽ về thể dục, thể thao đến năm 2020';
    const passage = 'Ngành đã đẩy mạnh phong trào thể dục thể thao quần chúng, phát triển thể thao thành tích cao.';
    // "phát triển", "thể dục", "dục thể", "thể thao" (with "the" as a stop word only "phát triển" and "dục thao").
    expect(topicOverlap(passage, title).shared).toBe(4);
  });

  it('still bridges over words that say nothing of a topic', () => {
    // "về" and "của" are bridged: all five pairs of the title are found across them.
    expect(topicOverlap('cải cách về hành chính của nhà nước', 'về cải cách hành chính nhà nước').shared).toBe(5);
  });

  it('a passage of another subject shares nothing', () => {
    expect(topicOverlap('phát triển du lịch trở thành ngành kinh tế mũi nhọn', 'về thể dục, thể thao').shared).toBe(0);
  });
});
