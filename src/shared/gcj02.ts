/**
 * WGS-84 → GCJ-02, the published approximation. WeChat's getLocation({ type: 'gcj02' }) and every
 * Chinese map give GCJ-02; a browser's geolocation gives WGS-84, some hundreds of metres off in
 * China. The H5 build (local testing) converts, so everything the server compares is GCJ-02.
 * Outside China the two are the same.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

const outOfChina = (lat: number, lng: number) => lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

function dLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function dLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

export function wgs84ToGcj02(latitude: number, longitude: number): { latitude: number; longitude: number } {
  if (outOfChina(latitude, longitude)) return { latitude, longitude };
  let lat = dLat(longitude - 105, latitude - 35);
  let lng = dLng(longitude - 105, latitude - 35);
  const radLat = (latitude / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  lat = (lat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  lng = (lng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: latitude + lat, longitude: longitude + lng };
}

/** the WGS-84 point whose GCJ-02 is this one (iterated; within centimetres) */
export function gcj02ToWgs84(latitude: number, longitude: number): { latitude: number; longitude: number } {
  let w = { latitude, longitude };
  for (let i = 0; i < 5; i++) {
    const g = wgs84ToGcj02(w.latitude, w.longitude);
    w = { latitude: w.latitude + (latitude - g.latitude), longitude: w.longitude + (longitude - g.longitude) };
  }
  return w;
}
