import { Foundation1764480000000 } from './1764480000000-foundation';
import { Notifications1764481000000 } from './1764481000000-notifications';
import { Calendar1764482000000 } from './1764482000000-calendar';
import { Documents1764483000000 } from './1764483000000-documents';
import { Applications1764484000000 } from './1764484000000-applications';
import { Licenses1764486000000 } from './1764486000000-licenses';
import { ViolationTypes1764488000000 } from './1764488000000-violation-types';
import { Reviews1764489000000 } from './1764489000000-reviews';
import { ChangeNotices1764490000000 } from './1764490000000-change-notices';
import { AuthSessions1764530000000 } from './1764530000000-auth-sessions';
import { AbuseResistance1764540000000 } from './1764540000000-abuse-resistance';
import { LegalData1764550000000 } from './1764550000000-legal-data';
import { ViolationSubjects1764560000000 } from './1764560000000-violation-subjects';
import { UnlicensedSites1764561000000 } from './1764561000000-unlicensed-sites';
import { ContentRequests1764562000000 } from './1764562000000-content-requests';
import { UnitReporting1764563000000 } from './1764563000000-unit-reporting';
import { DocumentSigning1764570000000 } from './1764570000000-document-signing';
import { OpenData1764580000000 } from './1764580000000-open-data';

/** Every migration, in order. Add new ones at the end (the class name carries its timestamp). */
export const ALL_MIGRATIONS = [
  Foundation1764480000000,
  Notifications1764481000000,
  Calendar1764482000000,
  Applications1764484000000,
  Licenses1764486000000,
  ViolationTypes1764488000000,
  Reviews1764489000000,
  Documents1764483000000,
  ChangeNotices1764490000000,
  AuthSessions1764530000000,
  AbuseResistance1764540000000,
  LegalData1764550000000,
  ViolationSubjects1764560000000,
  UnlicensedSites1764561000000,
  ContentRequests1764562000000,
  UnitReporting1764563000000,
  DocumentSigning1764570000000,
  OpenData1764580000000,
  // new migrations go here, one line each, in timestamp order
];
