/**
 * The three things the manual's menu 2.1 accepts: ร้องเรียน / ร้องทุกข์ / ขอรับบริการ. A module of its
 * own, apart from complaint.ts's validation: the citizen's case page and the desk show the label
 * without loading the form's checks (national ID, meaningful text, incident time) with it.
 */
export const COMPLAINT_KINDS = ['complaint', 'grievance', 'service_request'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const KIND_LABELS_TH: Record<ComplaintKind, string> = {
  complaint: 'ร้องเรียน',
  grievance: 'ร้องทุกข์',
  service_request: 'ขอรับบริการ',
};
