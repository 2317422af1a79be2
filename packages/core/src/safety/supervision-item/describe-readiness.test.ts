import { describe, expect, expectTypeOf, it } from 'vitest';
import { type LabelKey, label } from '../i18n/vocabulary.js';
import { describeItemReadiness } from './describe-readiness.js';
import type { ItemReadiness } from './readiness-notice.js';

const blocked: ItemReadiness = {
  itemId: 'IT-1',
  hazardId: 'h-1',
  cause: 'HazardClosed',
  itemStatus: 'in_progress',
  unclosedHazardIds: ['h-2', 'h-3'],
  feedbackBlockedBy: { rule: 'SI-2', violation: 'UnclosedHazards' },
  closureBlockedBy: { rule: 'SI-2', violation: 'UnclosedHazards' },
};
const ready: ItemReadiness = {
  ...blocked,
  cause: 'HazardVoided',
  unclosedHazardIds: [],
  feedbackBlockedBy: null,
  closureBlockedBy: { rule: 'SI-6', violation: 'NoFeedback' },
};

describe('PO-5 notice in both languages', () => {
  it('PO-5 names the closed hazard, the open ones and what blocks feedback and closure', () => {
    expect(describeItemReadiness(blocked, 'zh-CN')).toBe(
      '交办事项IT-1（办理中）：关联隐患h-1已销号，尚有2项关联隐患未销号（h-2、h-3）；暂不能反馈（SI-2 UnclosedHazards）；暂不能销号（SI-2 UnclosedHazards）。',
    );
    expect(describeItemReadiness(blocked, 'en')).toBe(
      'Item IT-1 (In progress): linked hazard h-1 was closed; 2 linked hazards are not closed (h-2, h-3); feedback is blocked by SI-2 UnclosedHazards; closure is blocked by SI-2 UnclosedHazards.',
    );
    expect(describeItemReadiness(ready, 'zh-CN')).toBe(
      '交办事项IT-1（办理中）：关联隐患h-1已作废，关联隐患已全部销号；可以反馈办理情况；暂不能销号（SI-6 NoFeedback）。',
    );
    expect(describeItemReadiness({ ...ready, unclosedHazardIds: ['h-9'] }, 'en')).toContain(
      '1 linked hazard is not closed (h-9)',
    );
  });

  it('PO-5 labels every field of the notice in both languages', () => {
    expectTypeOf<LabelKey<'itemReadinessField'>>().toEqualTypeOf<keyof ItemReadiness>();
    for (const field of Object.keys(blocked) as (keyof ItemReadiness)[]) {
      expect(label('itemReadinessField', field, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(label('itemReadinessField', field, 'en')).not.toBe('');
    }
  });
});
