{{/* The plugin's name: plugin.name, else the release name. Used for every object. */}}
{{- define "kmm-day1-console-plugin.name" -}}
{{- default .Release.Name .Values.plugin.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kmm-day1-console-plugin.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "kmm-day1-console-plugin.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: {{ include "kmm-day1-console-plugin.name" . }}
{{- end -}}

{{- define "kmm-day1-console-plugin.selectorLabels" -}}
app: {{ include "kmm-day1-console-plugin.name" . }}
app.kubernetes.io/name: {{ include "kmm-day1-console-plugin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The serving certificate secret; the template's chart read a top-level value here by mistake. */}}
{{- define "kmm-day1-console-plugin.certificateSecret" -}}
{{- default (printf "%s-cert" (include "kmm-day1-console-plugin.name" .)) .Values.plugin.certificateSecretName -}}
{{- end -}}

{{- define "kmm-day1-console-plugin.serviceAccountName" -}}
{{- if .Values.plugin.serviceAccount.create -}}
{{- default (include "kmm-day1-console-plugin.name" .) .Values.plugin.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.plugin.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "kmm-day1-console-plugin.patcherName" -}}
{{- printf "%s-patcher" (include "kmm-day1-console-plugin.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
