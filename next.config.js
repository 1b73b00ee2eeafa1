/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets a second server (a benchmark, a helper's preview) run beside the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};
export default nextConfig;
