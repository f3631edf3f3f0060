/** A toggle, not two buttons: its name stays "Mute" and its pressed state says whether it is on. */
export function MuteToggle({ muted, onChange }: { readonly muted: boolean; readonly onChange: (muted: boolean) => void }) {
  return (
    <button
      type="button"
      className={muted ? 'button button--toggle-on' : 'button button--quiet'}
      aria-pressed={muted}
      onClick={() => onChange(!muted)}
    >
      Mute
    </button>
  );
}
