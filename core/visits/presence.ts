/**
 * Proof of presence: where an official stood when scanning in and out, compared with the
 * enterprise's registered location. The mini-program scans with the camera only and sends the
 * phone's location (WeChat getLocation, GCJ-02; the H5 test build converts the browser's WGS-84).
 * A scan farther than the set distance is flagged red for the supervisors; a scan without a
 * location (refused, failed) still goes through and is flagged. The registered location is the
 * admin's, or else the first visit's check-in (with a fix precise enough), shown as such.
 */
import type { Fix } from '../contract/visit-inputs';
import type { Enterprise, EnterpriseLocation, User } from '../model';
import type { Ports } from '../ports';
import type { ScanPlace, Visit, VisitFlag, VisitSite } from './model';
import type { VisitSettings } from './settings';
import { enterpriseRepo } from '../repos/enterprises';

/** the place a scan carries (contract/visit-inputs.ts PlaceFields) */
export type PlaceInput = { location?: Fix; locationError?: string };

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** great-circle distance in metres (haversine) */
export function haversine(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const siteOf = (ent: Enterprise): VisitSite | null =>
  ent.location ? { latitude: ent.location.latitude, longitude: ent.location.longitude, source: ent.location.source, visitNo: ent.location.visitNo } : null;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** the place of one scan, against the site (if any) and the far distance in force */
export function placeOf(input: PlaceInput, site: VisitSite | null, at: string, s: Pick<VisitSettings, 'farMeters'>): ScanPlace {
  const fix = input.location;
  if (!fix) {
    return { latitude: null, longitude: null, accuracy: null, distance: null, far: false, missing: input.locationError || '未提供位置', at };
  }
  const distance = site ? Math.round(haversine(fix, site)) : null;
  return {
    latitude: round6(fix.latitude),
    longitude: round6(fix.longitude),
    accuracy: Math.round(fix.accuracy),
    distance,
    far: distance !== null && distance > s.farMeters,
    missing: null,
    at,
  };
}

/** the flags one scan raises */
export function placeFlags(p: ScanPlace): VisitFlag[] {
  if (p.missing) return ['no_location'];
  return p.far ? ['far'] : [];
}

/** "1.2 公里", "350 米" */
export const distanceText = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${m} 米`);

/** the supervisors' words for a scan's place, or '' when it raises nothing */
export function placeAlert(p: ScanPlace): string {
  if (p.missing) return `未获取扫码位置（${p.missing}）`;
  if (p.far && p.distance !== null) return `扫码位置距企业登记位置约 ${distanceText(p.distance)}（定位精度 ±${p.accuracy} 米）`;
  return '';
}

/** the largest distance so far, with this one */
export const farthestWith = (v: Pick<Visit, 'farthest'>, p: ScanPlace | null): number | null => {
  const d = p?.distance ?? null;
  const cur = v.farthest ?? null;
  if (d === null) return cur;
  return cur === null ? d : Math.max(cur, d);
};

/**
 * An enterprise without a registered location takes the first visit's check-in, when the fix is
 * precise enough (its accuracy within the far distance): once, atomically, so two first visits
 * cannot overwrite each other. Returns the site now in force, or null.
 */
export async function adoptFirstVisit(
  ports: Ports, ent: Enterprise, fix: Fix | undefined, visit: Pick<Visit, '_id' | 'no'>, user: User, at: string, s: Pick<VisitSettings, 'farMeters'>,
): Promise<VisitSite | null> {
  if (ent.location) return siteOf(ent);
  if (!fix || fix.accuracy > s.farMeters) return null;
  const location: EnterpriseLocation = {
    latitude: round6(fix.latitude), longitude: round6(fix.longitude), source: 'first_visit', setAt: at,
    setById: user._id, setByName: user.name, visitId: visit._id, visitNo: visit.no,
  };
  const ents = enterpriseRepo(ports.store);
  const set = await ents.setLocationIfNone(ent._id, location);
  if (set) return siteOf({ ...ent, location });
  // another visit (or the admin) was first: compare with theirs
  const now = await ents.get(ent._id);
  return now ? siteOf(now) : null;
}
