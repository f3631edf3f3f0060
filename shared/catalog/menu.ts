import { z } from 'zod';
import { ID_PATTERN } from '../ids';

const id = z.string().regex(ID_PATTERN);
const minor = z.number().int().min(0).max(100_000_000);

export const modifierGroupSchema = z.object({
  id,
  name: z.string().min(1),
  min: z.number().int().min(0),
  max: z.number().int().min(1),
  options: z.array(z.object({ id, name: z.string().min(1), price: minor })).min(1),
});

export const menuItemSchema = z.object({
  id,
  categoryId: id,
  name: z.string().min(1),
  description: z.string().default(''),
  price: minor,
  photo: z.string().optional(),
  modifierGroups: z.array(modifierGroupSchema).default([]),
});

export const menuSchema = z.object({
  categories: z.array(z.object({ id, name: z.string().min(1) })),
  items: z.array(menuItemSchema),
});

export const outletProfileSchema = z.object({
  id,
  name: z.string().min(1),
  phone: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  currency: z.string().length(3),
  deliveryFee: minor,
  minimumOrder: minor,
});

export type ModifierGroup = z.infer<typeof modifierGroupSchema>;
export type MenuItem = z.infer<typeof menuItemSchema>;
export type Menu = z.infer<typeof menuSchema>;
export type OutletProfile = z.infer<typeof outletProfileSchema>;
