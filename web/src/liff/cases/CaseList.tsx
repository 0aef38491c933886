export function CaseList({ userId }: { userId: string }) {
  return <p>{userId}</p>;
}
