// Third-party modules, pinned once. The versions match package.json, so the Docker-free
// stack resolves them from node_modules and Supabase's edge runtime fetches the same ones.
export { Hono } from "npm:hono@4.13.19";
export type { Context, MiddlewareHandler } from "npm:hono@4.13.19";
export { getPath } from "npm:hono@4.13.19/utils/url";
export { routePath } from "npm:hono@4.13.19/route";
export { bodyLimit } from "npm:hono@4.13.19/body-limit";
export { z } from "npm:zod@4.6.7";
export { default as postgres } from "npm:postgres@3.4.9";
export { default as ipaddr } from "npm:ipaddr.js@2.5.0";
export { createRemoteJWKSet, jwtVerify } from "npm:jose@6.2.18";
export type { FlattenedJWSInput, JWTHeaderParameters } from "npm:jose@6.2.18";
