# Build: the plugin with the repository's own lockfile on UBI's Node.js.
FROM registry.access.redhat.com/ubi9/nodejs-20:latest AS build
USER root
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
# Browsers are for the tests only; lifecycle scripts (the CLI build) are not needed in the image.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
RUN npm install --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run clean && npm run validate:extensions && NODE_ENV=production npm run webpack

# Run: unprivileged nginx serving dist/ (nginx.conf and the TLS certificate come from the chart).
FROM registry.access.redhat.com/ubi9/nginx-124:latest
COPY --from=build /usr/src/app/dist /usr/share/nginx/html
USER 1001
EXPOSE 9443
ENTRYPOINT ["nginx", "-g", "daemon off;"]
