/** The reasons kitchen staff give most, one tap each; the picker also takes words of their own. */
export const REJECT_REASONS = ['Kitchen too busy', 'Item unavailable', 'Closing soon', 'Outside our delivery area'] as const;
export const CANCEL_REASONS = ['Customer asked to cancel', 'Item ran out', 'Kitchen problem', 'Customer did not come'] as const;
