import bcrypt from 'bcryptjs';

// Cost 10 keeps a login under ~100 ms on a small server while staying well above brute-force range.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
