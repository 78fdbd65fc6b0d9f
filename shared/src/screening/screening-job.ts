import type { ScreeningJob } from './screening-request';

export function screeningJobId(screeningId: string): string {
  return `screening-${screeningId}`;
}

export function screeningJob(
  screeningId: string,
  query: ScreeningJob['query'],
  requestId?: string | null,
): { name: string; data: ScreeningJob; opts: { jobId: string } } {
  return {
    name: 'screen',
    data: { screeningId, query, ...(requestId && { requestId }) },
    opts: { jobId: screeningJobId(screeningId) },
  };
}
