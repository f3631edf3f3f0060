/** The short number staff read out and search by: the start of the order id, as the server's search matches it ("#Ab3x9Q"). */
export const orderNumber = (orderId: string): string => `#${orderId.slice(0, 6)}`;
