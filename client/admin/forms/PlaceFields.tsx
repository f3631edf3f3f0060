import { ParsedField } from './ParsedField';
import { latitudeOf, longitudeOf, plainNumber } from './numberParsers';

/** Where something is, as latitude and longitude typed in degrees; `label` names it ("Outlet"). */
export function PlaceFields({
  label,
  lat,
  lng,
  onChange,
}: {
  readonly label: string;
  readonly lat: number;
  readonly lng: number;
  readonly onChange: (change: { lat: number } | { lng: number }) => void;
}) {
  return (
    <>
      <ParsedField
        label={`${label} latitude`}
        value={lat}
        format={plainNumber}
        parse={latitudeOf}
        invalid="Use a latitude between -90 and 90."
        onChange={(next) => onChange({ lat: next })}
      />
      <ParsedField
        label={`${label} longitude`}
        value={lng}
        format={plainNumber}
        parse={longitudeOf}
        invalid="Use a longitude between -180 and 180."
        onChange={(next) => onChange({ lng: next })}
      />
    </>
  );
}
