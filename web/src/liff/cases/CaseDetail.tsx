export function CaseDetail({ caseId }: { userId: string; caseId: string }) {
  return <p>{caseId}</p>;
}
