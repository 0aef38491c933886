import { NO_INCIDENT, type ComplaintDraft, type ComplaintField, type IncidentParts, type LocationInput } from '@banmae/domain';

/** What the form holds while the citizen types: raw text, validated as a ComplaintDraft. */
export interface FormState {
  kind: string;
  category: string;
  subject: string;
  details: string;
  incident: IncidentParts;
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
  incident: NO_INCIDENT,
  location: null,
  name: '',
  nationalId: '',
  phone: '',
  email: '',
  privacyAcknowledged: false,
};

/** Field order for focusing the first error: the order on screen, reporter first then the matter. */
export const FIELD_ORDER: ComplaintField[] = [
  'reporter.name',
  'reporter.nationalId',
  'reporter.phone',
  'reporter.email',
  'kind',
  'category',
  'subject',
  'details',
  'incidentAt',
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
  incidentAt: 'incident-day',
  location: 'location-label',
  privacyAcknowledged: 'privacyAcknowledged',
};

/** What the citizen typed into a field, to tell a format error (shown on leaving it) from an empty required one (shown after a submit attempt). */
export function typedInto(f: FormState, field: ComplaintField): boolean {
  switch (field) {
    case 'reporter.name':
      return f.name.trim() !== '';
    case 'reporter.nationalId':
      return f.nationalId.trim() !== '';
    case 'reporter.phone':
      return f.phone.trim() !== '';
    case 'reporter.email':
      return f.email.trim() !== '';
    case 'subject':
      return f.subject.trim() !== '';
    case 'details':
      return f.details.trim() !== '';
    case 'incidentAt':
      return Object.values(f.incident).some((v) => v !== '');
    default:
      return false;
  }
}

export function toDraft(f: FormState): ComplaintDraft {
  return {
    kind: f.kind,
    category: f.category,
    subject: f.subject,
    details: f.details,
    incident: f.incident,
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
