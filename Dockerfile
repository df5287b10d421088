# The API only; PostgreSQL comes from docker-compose.yml (or any server named by
# ConnectionStrings__Postgres). Migrations are applied by the API at start-up.
#
# The base images are build arguments whose defaults are the public images; where no registry can
# be reached, scripts/docker/build-images.sh builds stand-ins and docker-compose.yml passes them in
# (DOTNET_SDK_IMAGE, ASPNET_IMAGE).
# Written for the classic builder too (no BuildKit-only syntax): docker-compose v1 and Docker
# without buildx use it.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
# The build restores the page's client libraries from npm: node and npm from the distribution when
# the SDK image has none (the public one; the local one has them already).
RUN command -v npm >/dev/null || (apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*)
WORKDIR /source
# Restore first, from the project files alone, so a code change does not download packages again.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Application/Application.csproj src/Application/
COPY src/Infrastructure/Infrastructure.csproj src/Infrastructure/
COPY src/WebApi/WebApi.csproj src/WebApi/
RUN dotnet restore src/WebApi/WebApi.csproj
COPY src/ src/
RUN dotnet publish src/WebApi/WebApi.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
# Where emails are written when Email__PickupDirectory points here (docker-compose.yml's default).
RUN mkdir -p /mail && chown "$APP_UID" /mail
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The image's built-in unprivileged "app" user.
USER $APP_UID
ENTRYPOINT ["dotnet", "ChatPlatform.WebApi.dll"]
