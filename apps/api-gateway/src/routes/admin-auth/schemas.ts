import { Type } from '@fastify/type-provider-typebox';

export const TAG = 'Admin Auth';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** `scaikey__api__v1__admin__auth__LoginRequest` of seed 003. */
export const LoginRequest = Type.Object(
  { email: Type.String({ format: 'email' }), password: Type.String() },
  { $id: 'scaikey__api__v1__admin__auth__LoginRequest', title: 'LoginRequest' },
);

/** The admin as the console shows it (the seed's `user: object`). */
export const AdminUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  display_name: Type.String(),
  status: Type.String({ description: 'ACTIVE, SUSPENDED or DEACTIVATED' }),
  tenant_id: Nullable(Type.String()),
  partner_id: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  last_login_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Nullable(Type.String({ format: 'date-time' })),
});

/** `scaikey__api__v1__admin__auth__LoginResponse` of seed 003. */
export const LoginResponse = Type.Object(
  { access_token: Type.String(), refresh_token: Type.String(), user: AdminUser },
  { $id: 'scaikey__api__v1__admin__auth__LoginResponse', title: 'LoginResponse' },
);

/** `scaikey__api__v1__me__auth__RefreshRequest` of seed 003. */
export const RefreshRequest = Type.Object(
  { refresh_token: Type.String() },
  { $id: 'scaikey__api__v1__me__auth__RefreshRequest', title: 'RefreshRequest' },
);

/** `scaikey__api__v1__me__auth__RefreshResponse` of seed 003. */
export const RefreshResponse = Type.Object(
  { access_token: Type.String(), refresh_token: Type.Optional(Nullable(Type.String())) },
  { $id: 'scaikey__api__v1__me__auth__RefreshResponse', title: 'RefreshResponse' },
);

export const LogoutResponse = Type.Object({ message: Type.String() });

export const adminAuthSchemas = [LoginRequest, LoginResponse, RefreshRequest, RefreshResponse];
