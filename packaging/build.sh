#!/usr/bin/env bash
# Builds Mesh Wizard's distributions from the Maven build, into target/dist/:
#   runtime/                          a jlink runtime: the JDK and JavaFX modules the app needs, JavaFX's native
#                                     libraries in lib/ (nothing is extracted into the user's home at start)
#   mesh-wizard/                      jpackage app image (bin/mesh-wizard), with an AppCDS archive
#   mesh-wizard-<v>-linux-x64.tar.xz  the portable bundle
#   mesh-wizard_<v>_amd64.deb         the Debian package (with --deb)
# Usage: packaging/build.sh [--deb] [--skip-maven]
# Needs a JDK 17+ with jmods (Debian: openjdk-17-jmods), and for --deb: fakeroot and dpkg-deb.
# On Windows and macOS the same steps apply with jpackage --type msi / dmg and that platform's JavaFX jars and
# helm-java native jar (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."

DEB=false
MAVEN=true
for arg in "$@"; do
    case "$arg" in
        --deb) DEB=true ;;
        --skip-maven) MAVEN=false ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
if [ ! -d "$JAVA_HOME/jmods" ]; then
    echo "build.sh: $JAVA_HOME has no jmods folder; install the JDK's jmods (Debian: openjdk-17-jmods)" >&2
    exit 1
fi
if $MAVEN; then
    mvn -B -q package -DskipTests
fi
VERSION=$(sed -n 's/^version=//p' target/classes/dev/meshwizard/version.properties)
DIST=target/dist
STAGE=target/dist-stage
rm -rf "$DIST" "$STAGE"
mkdir -p "$DIST" "$STAGE/app"

# The app: its jar and every dependency but JavaFX, which becomes part of the runtime.
cp target/mesh-wizard.jar "$STAGE/app/"
mkdir -p "$STAGE/app/lib"
for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
        javafx-*) ;;
        *) cp "$jar" "$STAGE/app/lib/" ;;
    esac
done
FX_JARS=$(ls target/lib/javafx-*-linux.jar | tr '\n' ':')

# Modules: what jdeps finds, plus what is only reached by reflection or service loading.
echo "==> jdeps"
MODULES=$("$JAVA_HOME/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$(ls "$STAGE"/app/lib/*.jar | tr '\n' ':')" --module-path "$FX_JARS" target/mesh-wizard.jar)
MODULES="$MODULES,javafx.base,javafx.graphics,javafx.web,javafx.media,java.logging,jdk.crypto.ec,jdk.unsupported,jdk.charsets"
echo "    $MODULES"

echo "==> jlink"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$FX_JARS" --add-modules "$MODULES" \
    --strip-debug --no-header-files --no-man-pages --compress=0 --generate-cds-archive --exclude-resources="**.so" \
    --output "$STAGE/runtime"
# JavaFX's native libraries into the runtime's lib/, where JavaFX looks before extracting them to ~/.openjfx.
NATIVE=$(mktemp -d)
for jar in target/lib/javafx-*-linux.jar; do
    (cd "$NATIVE" && "$JAVA_HOME/bin/jar" xf "$OLDPWD/$jar")
done
find "$NATIVE" -name '*.so' -exec cp {} "$STAGE/runtime/lib/" \;
rm -rf "$NATIVE"
ls "$STAGE/runtime/lib"/libglass*.so > /dev/null

echo "==> jpackage app image"
JAVA_OPTIONS=(
    "-XX:SharedArchiveFile=\$APPDIR/mesh-wizard.jsa" "-Xshare:auto"
    "-XX:MaxHeapFreeRatio=20" "-XX:MinHeapFreeRatio=10" "-XX:ReservedCodeCacheSize=64m"
    "-Djna.nosys=true"
)
JPACKAGE_OPTIONS=()
for option in "${JAVA_OPTIONS[@]}"; do
    JPACKAGE_OPTIONS+=(--java-options "$option")
done
"$JAVA_HOME/bin/jpackage" --type app-image --name mesh-wizard --app-version "$VERSION" \
    --input "$STAGE/app" --main-jar mesh-wizard.jar --main-class dev.meshwizard.Main \
    --runtime-image "$STAGE/runtime" --icon icons/mesh-wizard-256.png \
    --description "Install Istio with Helm, route a sample through the ingress gateway, watch it live" \
    --vendor "Mesh Wizard" "${JPACKAGE_OPTIONS[@]}" --dest "$DIST"
APP="$DIST/mesh-wizard"

echo "==> AppCDS archive"
# A training run: --version and an offline render load the command-line path; the window's classes are added
# when a display (or xvfb-run) is available.
TRAIN=$(mktemp -d)
CHARTS="$TRAIN/istio-0.0.0/manifests/charts"
mkdir -p "$CHARTS/istio-control"
cp -r src/test/resources/charts/base "$CHARTS/base"
cp -r src/test/resources/charts/istiod "$CHARTS/istio-control/istio-discovery"
cp -r src/test/resources/charts/gateway "$CHARTS/gateway"
CFG="$APP/lib/app/mesh-wizard.cfg"
cp "$CFG" "$TRAIN/cfg"
sed -i 's|-XX:SharedArchiveFile=\$APPDIR/mesh-wizard.jsa|-XX:ArchiveClassesAtExit=$APPDIR/mesh-wizard.jsa|' "$CFG"
if ! grep -q ArchiveClassesAtExit "$CFG"; then
    echo "build.sh: could not set up the CDS training run in $CFG" >&2
    exit 1
fi
HOME="$TRAIN" "$APP/bin/mesh-wizard" render --istio-dir "$TRAIN/istio-0.0.0" --profile demo > /dev/null
if [ -n "${DISPLAY:-}" ] || command -v xvfb-run > /dev/null; then
    RUN=()
    [ -z "${DISPLAY:-}" ] && RUN=(xvfb-run -a)
    HOME="$TRAIN" MESH_WIZARD_EXIT_AFTER_SHOWN=1 "${RUN[@]}" "$APP/bin/mesh-wizard" > /dev/null 2>&1 || true
fi
cp "$TRAIN/cfg" "$CFG"
rm -rf "$TRAIN"
ls -la "$APP/lib/app/mesh-wizard.jsa"

echo "==> portable archive"
# xz, and a module image left uncompressed by jlink: xz packs the plain image far better than jlink's zip does
# (13 MB instead of 29 MB for the modules), which keeps the archive near 115 MB with WebKit inside.
TARBALL="$DIST/mesh-wizard-$VERSION-linux-x64.tar.xz"
tar -cf - -C "$DIST" mesh-wizard | xz -T2 -6 > "$TARBALL"

if $DEB; then
    echo "==> deb"
    "$JAVA_HOME/bin/jpackage" --type deb --app-image "$APP" --name mesh-wizard --app-version "$VERSION" \
        --linux-package-name mesh-wizard --linux-app-category devel --linux-menu-group "Development" \
        --linux-shortcut --icon icons/mesh-wizard-256.png --vendor "Mesh Wizard" \
        --description "Install Istio with Helm, route a sample through the ingress gateway, watch it live" \
        --linux-package-deps "libgtk-3-0, libglib2.0-0, libx11-6, libxtst6, libxxf86vm1, libgl1, libfreetype6, libfontconfig1" \
        --dest "$DIST"
fi

echo "==> done"
du -sh "$APP" "$DIST"/*.tar.xz "$DIST"/*.deb 2>/dev/null || true
