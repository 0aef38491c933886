import { useEffect, useRef } from 'preact/hooks';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import s from './location-map.module.css';
import { config } from '../env.ts';

export interface LocationMapProps {
  lat: number;
  lng: number;
  accuracyM: number;
}

/**
 * Leaflet with OpenStreetMap-style tiles (no API key). The marker is a CSS pin (divIcon): Leaflet's
 * default icon images are resolved from the CSS path, which a bundler breaks.
 */
export function LocationMap({ lat, lng, accuracyM }: LocationMapProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const here = L.latLng(lat, lng);
    const radius = Math.max(accuracyM, 5);
    const map = L.map(box.current!, { scrollWheelZoom: false });
    // The view first: layers added to a map without one wait for it, and their bounds are not known yet.
    map.fitBounds(here.toBounds(radius * 2), { maxZoom: 18 });
    L.tileLayer(config.desk.mapTileUrl, { attribution: config.desk.mapAttribution, maxZoom: 19 }).addTo(map);
    L.circle(here, { radius, color: '#1d4f91', weight: 1, fillOpacity: 0.12 }).addTo(map);
    L.marker(here, {
      icon: L.divIcon({ className: s.pin, html: `<span class="${s.pinShape}"></span>`, iconSize: [24, 30], iconAnchor: [12, 30] }),
      title: 'ตำแหน่งที่ผู้แจ้งระบุ',
      alt: 'ตำแหน่งที่ผู้แจ้งระบุ',
      keyboard: true,
    }).addTo(map);
    return () => void map.remove();
  }, [lat, lng, accuracyM]);

  return (
    <figure class={s.figure} aria-label="แผนที่ตำแหน่งที่เกิดเหตุ">
      <div ref={box} class={s.map} data-testid="location-map" />
      <figcaption class={s.caption}>
        พิกัด {lat.toFixed(5)}, {lng.toFixed(5)} (คลาดเคลื่อนได้ ±{Math.round(accuracyM).toLocaleString('th-TH')} เมตร)
      </figcaption>
    </figure>
  );
}
