import type { ComplaintDraft, ComplaintField, LocationInput } from '@banmae/domain';

/** What the form holds while the citizen types: raw text, validated as a ComplaintDraft. */
export interface FormState {
  kind: string;
  category: string;
  subject: string;
  details: string;
  location: LocationInput | null;
  name: string;
  nationalId: string;
  phone: string;
  email: string;
  privacyAcknowledged: boolean;
}

export const EMPTY: FormState = {
  kind: 'complaint',
  category: '',
  subject: '',
  details: '',
  location: null,
  name: '',
  nationalId: '',
  phone: '',
  email: '',
  privacyAcknowledged: false,
};

/** Field order for focusing the first error: the manual's order, reporter first then the matter. */
export const FIELD_ORDER: ComplaintField[] = [
  'reporter.name',
  'reporter.nationalId',
  'reporter.phone',
  'reporter.email',
  'kind',
  'category',
  'subject',
  'details',
  'location',
  'privacyAcknowledged',
];
export const FIELD_IDS: Record<ComplaintField, string> = {
  'reporter.name': 'name',
  'reporter.nationalId': 'nationalId',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
  kind: 'kind-complaint',
  category: 'category',
  subject: 'subject',
  details: 'details',
  location: 'location-label',
  privacyAcknowledged: 'privacyAcknowledged',
};

export function toDraft(f: FormState): ComplaintDraft {
  return {
    kind: f.kind,
    category: f.category,
    subject: f.subject,
    details: f.details,
    location: f.location,
    privacyAcknowledged: f.privacyAcknowledged,
    reporter: { name: f.name, nationalId: f.nationalId, phone: f.phone, email: f.email },
  };
}

/** What the field sections need from the form: values, setters, and the errors to show now. */
export interface FieldsProps {
  form: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  errorOf: (field: ComplaintField) => string | undefined;
  touch: (field: ComplaintField) => () => void;
}
