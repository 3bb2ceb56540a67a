import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';

/** Metadata key of `@Roles()`. */
export const ROLES_KEY = 'gateway:roles';
/** Metadata key of `@Public()`. */
export const PUBLIC_KEY = 'gateway:public';

/** The roles a route needs (any one of them); with none, any authenticated caller. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route open without a token (health, OpenAPI, public config). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
