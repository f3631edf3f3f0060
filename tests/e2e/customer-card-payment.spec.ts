import { rmSync } from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import { startFakeStripe } from '../integration/support/fakeStripe';
import { chromiumLaunchOptions } from './support/chromium';
import { fillCustomer } from './support/orderPage';
import { TestServer } from './support/testServer';

test('a customer pays by card on the provider page and lands on the tracking link, awaiting payment until the webhook says paid', async () => {
  const stripe = await startFakeStripe();
  const server = await TestServer.create();
  await server.start({ STRIPE_SECRET_KEY: 'sk_test_e2e', STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, DABBA_STRIPE_API_BASE: stripe.url });
  stripe.webhookUrl = `${server.url}/api/payments/stripe/webhook`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const customer = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await customer.goto(`${server.url}/order/demo-outlet`);
    await customer.getByRole('article', { name: 'Plain Dosa' }).getByRole('button', { name: /^Add/ }).click();
    await customer.getByRole('radio', { name: 'Pickup', exact: true }).check();
    await fillCustomer(customer, 'Kavya Card');
    await customer.getByRole('radio', { name: /^Card/ }).check();
    await customer.getByRole('button', { name: 'Review order' }).click();
    const review = customer.getByRole('region', { name: 'Review your order' });
    await expect(review).toContainText('pay by card now');
    await review.getByRole('button', { name: 'Place order' }).click();

    // The provider's page, on the provider's origin: the amount is the server's price.
    await expect(customer.getByRole('heading', { name: 'Pay 90.00 INR' })).toBeVisible();
    expect(new URL(customer.url()).origin).toBe(stripe.url);
    const session = [...stripe.sessions.values()][0];
    if (!session) throw new Error('no checkout session was opened');

    // Before paying, the tracking link (where the provider returns the customer) says the order awaits payment.
    const peek = await browser.newPage();
    await peek.goto(session.success_url);
    await expect(peek.getByRole('heading', { level: 1 })).toHaveText('Awaiting payment');
    await expect(peek.getByText('Awaiting payment', { exact: true }).last()).toBeVisible();

    await customer.getByRole('button', { name: 'Pay' }).click();
    await expect(customer).toHaveURL(session.success_url);
    await expect(customer.getByText('Paid by card')).toBeVisible();
    await expect(customer.getByRole('heading', { level: 1 })).toHaveText('Placed');
    const receipt = customer.getByRole('region', { name: 'Receipt' });
    await expect(receipt).toContainText('1 × Plain Dosa');
    await expect(receipt).toContainText('Total ₹90.00');
    // The demo kitchen's prices include 5 % GST, half central and half state: ₹90 × 2.5 / 105 = ₹2.14 each.
    await expect(receipt).toContainText('Includes CGST 2.5%₹2.14');
    await expect(receipt).toContainText('Includes SGST 2.5%₹2.14');
    // Printed, the receipt is all there is: no buttons, banners or notification offers.
    await customer.emulateMedia({ media: 'print' });
    await expect(receipt.getByText('Paid by card')).toBeVisible();
    await expect(receipt.getByRole('button', { name: 'Print receipt' })).toBeHidden();
    await expect(customer.getByRole('button', { name: 'Notify me' })).toBeHidden();
    await customer.emulateMedia({ media: 'screen' });
    await expect(customer.getByRole('button', { name: 'Print receipt' })).toBeVisible();
    // The page that was open all along follows it live.
    await expect(peek.getByText('Paid by card')).toBeVisible();
  } finally {
    await browser.close();
    await server.stop();
    await stripe.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});
