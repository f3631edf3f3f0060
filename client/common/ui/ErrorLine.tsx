/** Why something did not happen, said at once to screen readers too; nothing while there is nothing to say. */
export function ErrorLine({ message }: { readonly message: string | null }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
