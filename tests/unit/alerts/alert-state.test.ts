import { afterAssignment, afterDecision, outcomeOf } from '@sanctions/shared/alerts';
import { mergeByDesignation } from '@sanctions/shared/designations';

describe('alert state machine', () => {
  it('stays in review until every match is a true match or a false positive', () => {
    expect(afterDecision(['false_positive', null], false)).toEqual({ status: 'in_review' });
    expect(afterDecision(['false_positive', 'needs_info'], true)).toEqual({ status: 'in_review' });
    expect(afterDecision(['false_positive', 'escalated'], false)).toEqual({ status: 'in_review' });
    expect(afterDecision([], false)).toEqual({ status: 'in_review' });
  });

  it('closes, or waits for approval under four eyes, with a true match if any match is one', () => {
    expect(afterDecision(['false_positive', 'false_positive'], false)).toEqual({
      status: 'closed',
      outcome: 'false_positive',
    });
    expect(afterDecision(['false_positive', 'true_match'], false)).toEqual({ status: 'closed', outcome: 'true_match' });
    expect(afterDecision(['true_match'], true)).toEqual({ status: 'pending_approval', outcome: 'true_match' });
    expect(outcomeOf(['false_positive', 'true_match'])).toBe('true_match');
  });

  it('assigned work is in review; unassigned undecided work is open again; a pending alert keeps its status', () => {
    expect(afterAssignment('open', 'k', false)).toBe('in_review');
    expect(afterAssignment('in_review', null, false)).toBe('open');
    expect(afterAssignment('in_review', null, true)).toBe('in_review');
    expect(afterAssignment('pending_approval', 'k', true)).toBe('pending_approval');
  });
});

describe('mergeByDesignation', () => {
  const match = (entityId: string, score: number) => ({
    entityId,
    matchedName: entityId,
    matchedNameKind: 'primary' as const,
    score,
    explanation: [entityId],
  });

  it('keeps one match per designation, the best-scoring record first, every record named', () => {
    const group = ['ofac-cons:1', 'ofac-sdn:1', 'seed:ofac-1'];
    const shared = new Map(group.map((id) => [id, group]));
    const merged = mergeByDesignation(
      [match('seed:ofac-1', 0.95), match('other:2', 0.9), match('ofac-sdn:1', 0.85)],
      shared,
    );
    expect(merged).toEqual([
      { ...match('seed:ofac-1', 0.95), entityIds: ['seed:ofac-1', 'ofac-sdn:1', 'ofac-cons:1'] },
      { ...match('other:2', 0.9), entityIds: ['other:2'] },
    ]);
  });
});
