// oidc-provider v9 ships no type declarations; the integration test uses it untyped.
declare module 'oidc-provider';
