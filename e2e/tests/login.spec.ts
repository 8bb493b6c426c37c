import { expect, test } from '@playwright/test';

test('a demo user signs in, sees the workspace, and signs out', async ({ page }) => {
  await test.step('the login page explains demo mode', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Conduit' })).toBeVisible();
    await expect(page.getByTestId('demo-hint')).toContainText('owner@demo.conduit.local');
  });

  await test.step('a wrong password is refused with a clear message', async () => {
    await page.getByLabel('Email').fill('owner@demo.conduit.local');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toHaveText(/do not match an account/);
    await expect(page).toHaveURL(/\/login$/);
  });

  await test.step('the right password opens the flows page', async () => {
    await page.getByLabel('Password').fill('conduit-demo');
    await page.getByLabel('Password').press('Enter');
    await expect(page).toHaveURL(/\/flows$/);
    await expect(page.getByTestId('workspace-name')).toHaveText('Northwind Demo');
    await expect(page.getByTestId('user-role')).toHaveText('owner');
  });

  await test.step('signing out returns to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/flows');
    await expect(page).toHaveURL(/\/login$/);
  });
});

test('the health endpoint reports every dependency', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
  expect(body.status).toBe('ok');
  expect(Object.keys(body.checks).sort()).toEqual(['database', 'migrations', 'temporal']);
});
