{{- define "gateway.name" -}}
{{ .Values.name | default .Release.Name }}
{{- end }}

{{- /* The pod labels a Gateway's selector matches: the release istio-ingressgateway gives istio: ingressgateway. */}}
{{- define "gateway.selectorLabels" -}}
app: {{ .Values.labels.app | default (include "gateway.name" .) }}
istio: {{ .Values.labels.istio | default (include "gateway.name" . | trimPrefix "istio-") }}
{{- end }}

{{- define "gateway.labels" -}}
{{ include "gateway.selectorLabels" . }}
{{- range $key, $value := .Values.labels }}
{{- if not (has $key (list "app" "istio")) }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end }}
app.kubernetes.io/name: {{ include "gateway.name" . }}
app.kubernetes.io/part-of: istio
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{- define "gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- .Values.serviceAccount.name | default (include "gateway.name" .) }}
{{- else }}
{{- .Values.serviceAccount.name | default "default" }}
{{- end }}
{{- end }}
