/** What every screen is given: the hash's parameter (an order id, a driver id), or null. */
export interface ScreenProps {
  readonly param: string | null;
}
